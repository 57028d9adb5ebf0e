package io.augment.application.query;

import io.augment.domain.generation.TokenUsage;
import java.util.List;

/**
 * The answer to a question over a knowledge base.
 *
 * @param question   the question asked
 * @param text       the answer; {@code [n]} markers refer to {@link #citations()}
 * @param citations  the sources the generator was given, in marker order
 * @param generator  id of the generator
 * @param extractive true when the text is copied from the sources (the offline generator)
 * @param usage      tokens read and written
 * @param timings    per-step latency
 */
public record Answer(
    String question, String text, List<Citation> citations, String generator, boolean extractive,
    TokenUsage usage, Timings timings) {}
