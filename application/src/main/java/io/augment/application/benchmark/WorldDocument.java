package io.augment.application.benchmark;

/**
 * A document about one person.
 *
 * @param id       unique document id ({@code a-0007} canonical, {@code a-0007-p2} its second phrasing)
 * @param personId the id of the person's canonical document (the gold document of its questions)
 * @param title    the person's name
 * @param text     every fact about the person, in one phrasing
 */
public record WorldDocument(String id, String personId, String title, String text) {}
