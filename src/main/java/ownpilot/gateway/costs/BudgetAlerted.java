package ownpilot.gateway.costs;

/** Published when a recorded call takes the daily or monthly spend across one of the alert thresholds. */
public record BudgetAlerted(String userId, String window, int threshold, double used, double limit) {}
