package dev.latchkey.domain.workspace;

/** Set per workspace by an operator; what each allows is {@link PlanLimits}. */
public enum Plan {
    FREE,
    PRO,
    SCALE,
    ENTERPRISE
}
