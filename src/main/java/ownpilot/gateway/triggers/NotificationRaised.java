package ownpilot.gateway.triggers;

/** Published when a notification is stored; the realtime module pushes it to the user's sockets. */
public record NotificationRaised(String userId, String notificationId, String source, String sourceId, String title,
        String message) {}
