package ownpilot.gateway.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors the servlet container forwards to {@code /error} still leave as the error envelope. */
@RestController
class ErrorEnvelopeController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiEnvelope> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = status.is5xxServerError() ? "An unexpected error occurred" : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .body(ApiEnvelope.failure(ErrorCodes.forStatus(status), message, null, RequestContext.meta(request)));
    }
}
