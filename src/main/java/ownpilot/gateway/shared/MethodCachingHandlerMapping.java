package ownpilot.gateway.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring's request-mapping lookup, with the request's method read once instead of once or twice per
 * mapping.
 *
 * <p>A route with a path variable ({@code /tools/{name}/execute}) has no direct-path entry, so Spring
 * tests every mapping in turn, and each test reads {@code getMethod()} (the method condition, then the
 * CORS pre-flight checks of the method and produces conditions) through the dozen request wrappers the
 * security filter chain adds. That was 23 % of the CPU of a tool run under load. The lookup itself,
 * the best-match choice, 405/406/415 answers and what is set on the request are Spring's, unchanged:
 * only the request they see answers {@code getMethod()} from a field.
 */
final class MethodCachingHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, new MethodReadOnce(request));
    }

    /** The method cannot change while a request is routed, so one read serves every mapping. */
    private static final class MethodReadOnce extends HttpServletRequestWrapper {

        private final String method;

        MethodReadOnce(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
