package ownpilot.gateway.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A client-visible failure: the status, a stable code and a precise message. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object details;

    public ApiException(HttpStatus status, String code, String message, Object details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
    }

    public static ApiException validation(List<FieldProblem> problems) {
        String fields = String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList());
        return new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "Invalid fields: " + fields, problems);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldProblem(field, message)));
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "CONFLICT", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }

    /** One invalid input field and why it was refused. */
    public record FieldProblem(String field, String message) {}
}
