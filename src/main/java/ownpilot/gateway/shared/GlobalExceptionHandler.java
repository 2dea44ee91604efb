package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The single place that turns failures into error envelopes; a client mistake is never a 5xx. */
@RestControllerAdvice
class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        return error(e.status(), e.code(), e.getMessage(), e.details(), request);
    }

    /** The client left during a streamed response: nobody is there to read an error, so write none. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {
        // the stream's own disconnect handling has already cancelled the work behind it
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Object> unknownRoute(Exception e, HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "NOT_FOUND",
                "Route not found: " + request.getMethod() + " " + request.getRequestURI(), null, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        // RFC 9110 (15.5.6): a 405 names the methods the route does allow (Spring's Allow header)
        return error(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Method " + e.getMethod() + " is not allowed on " + request.getRequestURI(), null, request,
                e.getHeaders());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Content-Type must be application/json", null, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyGuardFilter.PayloadTooLargeException tooLarge) {
                return error(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge.getMessage(), null, request);
            }
            if (t instanceof BodyGuardFilter.NulCharacterException nul) {
                return error(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", nul.getMessage(), null, request);
            }
        }
        return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Malformed or missing JSON body", null, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return api(ApiException.validation(problems), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<ApiException.FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiException.FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return api(ApiException.validation(problems), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return api(ApiException.validation(e.getName(), "has an invalid value"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return api(ApiException.validation(e.getParameterName(), "is required"), request);
    }

    // the classes DatabaseUnavailable.is names (an annotation takes only class literals)
    @ExceptionHandler({DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.transaction.TransactionSystemException.class})
    ResponseEntity<Object> databaseDown(RuntimeException e, HttpServletRequest request) {
        log.error("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return api(DatabaseUnavailable.error(), request);
    }

    /** A safety net: a constraint the validation missed is still the client's conflict, not a crash. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Constraint violation on {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return error(HttpStatus.CONFLICT, "CONFLICT", "The request conflicts with stored data", null, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "An unexpected error occurred", null, request);
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message, Object details,
            HttpServletRequest request) {
        return error(status, code, message, details, request, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message, Object details,
            HttpServletRequest request, HttpHeaders headers) {
        ApiEnvelope.Meta meta = RequestContext.meta(request);
        Object body = rendersErrorAsText(request) ? new ApiEnvelope.TextFailure(false, message, code, details, meta)
                : ApiEnvelope.failure(code, message, details, meta);
        return ResponseEntity.status(status).headers(headers).body(body);
    }

    /** A browser's fetch ({@code Sec-Fetch-Mode} cors or same-origin) of a route marked {@link ErrorAsText}. */
    private static boolean rendersErrorAsText(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return ("cors".equals(mode) || "same-origin".equals(mode))
                && request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && handler.hasMethodAnnotation(ErrorAsText.class);
    }
}
