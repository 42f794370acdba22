package dev.competency.gateway.signin;

/**
 * A browser session that can no longer reach the services: its refresh token was refused or its tokens are gone.
 * The session has been invalidated when this is raised; the answer is 401, and the portal offers to sign in again.
 */
public class SessionEnded extends RuntimeException {

    SessionEnded(Throwable cause) {
        super("The session has ended; sign in again", cause);
    }
}
