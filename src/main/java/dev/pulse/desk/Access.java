package dev.pulse.desk;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, declared with the route. A route declared without one is treated as
 * {@link #EDITOR}: the desk denies by default.
 */
enum Access implements RouteRole {
  /** Anyone; a form POST still needs the session's CSRF token (the login form). */
  PUBLIC,
  /** Anyone, and no CSRF token: the readers' vote form, which the static site posts too. */
  OPEN_FORM,
  /** A signed-in account. */
  EDITOR,
  /** A signed-in admin. */
  ADMIN
}
