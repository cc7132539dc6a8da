package org.expodesk.audit;

/** Who did something: a signed-in user, an anonymous client trying to, or the system itself. */
public record Actor(Long id, String name) {

    public static final Actor SYSTEM = new Actor(null, "system");
    public static final Actor ANONYMOUS = new Actor(null, "anonymous");

    /** The attribute of a security identity that carries the user's id. */
    public static final String USER_ID_ATTRIBUTE = "expodesk.userId";
}
