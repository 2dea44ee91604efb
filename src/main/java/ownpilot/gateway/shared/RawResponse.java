package ownpilot.gateway.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route whose caller reads its own answer shape, not the envelope (a platform's webhook:
 * Discord needs {@code {"type":1}}); the API document shows its body as it is, marked
 * {@code x-raw-response}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RawResponse {}
