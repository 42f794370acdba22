package dev.competency.platform.service.security;

/** What a person may do on the platform, as the identity provider puts it in the token's roles claim. */
public enum Role {
    /** Reads their own profile, mastery, evidence and recommendations; submits their own attempts. */
    LEARNER,
    /** Reads the data of the teams they manage; observes their team members. */
    MANAGER,
    /** Records evidence and grades for the learners assigned to them or within their organisation unit. */
    ASSESSOR,
    /** Changes frameworks, role profiles, learning resources and assessment definitions. */
    AUTHOR,
    /** Reads aggregates, never raw personal data. */
    ANALYST,
    /** Everything, including raw personal data and erasure. */
    ADMIN
}
