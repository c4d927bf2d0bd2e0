package org.noticeboard.user;

/** Fired inside the transaction that changes a user's password: their signed-in sessions end with it. */
public record PasswordChanged(long userId) {
}
