package ownpilot.gateway.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route whose failures the OwnPilot web UI renders by putting the raw {@code error} field
 * into the page (web-ui-client.md §1.3). React refuses any object as a child, and no JSON value but
 * a string or number renders, so no single shape carries the spec's {@code {code, message}} object
 * and survives there. For a browser's fetch (it sends {@code Sec-Fetch-Mode}) these routes answer
 * {@code error} as the message text with {@code code} and {@code details} beside it; every other
 * client gets the spec's error object.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ErrorAsText {}
