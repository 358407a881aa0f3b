package io.souq.notification.templates;

/**
 * A message ready to send.
 *
 * @param language the language it is written in ({@code en}, {@code ar})
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body
 */
public record RenderedMail(String language, String subject, String text, String html) {

}
