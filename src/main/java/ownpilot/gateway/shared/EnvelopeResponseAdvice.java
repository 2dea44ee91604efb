package ownpilot.gateway.shared;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Wraps what the gateway's controllers return in the success envelope, so no controller repeats it. */
@RestControllerAdvice(basePackages = "ownpilot.gateway")
class EnvelopeResponseAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ApiEnvelope || body instanceof ApiEnvelope.TextFailure || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return body;
        }
        var servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        return ApiEnvelope.ok(body, RequestContext.meta(servletRequest));
    }
}
