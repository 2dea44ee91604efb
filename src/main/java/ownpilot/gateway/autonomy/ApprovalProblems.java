package ownpilot.gateway.autonomy;

import org.springframework.http.HttpStatus;
import ownpilot.gateway.shared.ApiException;

/** Why an approval cannot be decided: unknown (404), or already decided or expired (409). */
final class ApprovalProblems {

    private ApprovalProblems() {}

    static ApiException notPending(ApprovalRepository approvals, String userId, String id) {
        return approvals.find(userId, id)
                .map(a -> new ApiException(HttpStatus.CONFLICT, a.status().equals("expired") ? "APPROVAL_EXPIRED"
                        : "CONFLICT", "Approval " + id + " is " + a.status() + " and can no longer be decided"))
                .orElseGet(() -> ApiException.notFound("Approval " + id));
    }
}
