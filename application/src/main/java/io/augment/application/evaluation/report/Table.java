package io.augment.application.evaluation.report;

import java.util.List;

/**
 * A table both renderers print: plain texts, escaped by the renderer.
 *
 * @param title   a short heading
 * @param note    one sentence under the heading, or null
 * @param headers column names
 * @param rows    cells, each row as long as {@code headers}
 */
record Table(String title, String note, List<String> headers, List<List<String>> rows) {}
