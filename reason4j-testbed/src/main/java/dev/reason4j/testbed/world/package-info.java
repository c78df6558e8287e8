/**
 * The arithmetic world: multi-step word problems with exact answers and reference solutions.
 *
 * <p>{@link dev.reason4j.testbed.world.WorldGenerator} tells stories from eleven template families (collections,
 * shopping, ages, travel, packing with remainders, recipes with fractions, factories, gardens, savings, school
 * trips, screen time). A problem's difficulty is its number of operations, 1 to 8; distractor sentences add
 * numbers that do not matter; answers are whole numbers or exact fractions. Each problem has four reference
 * solutions ({@link dev.reason4j.testbed.world.Solutions}): rStar-Math's code-augmented format and plain
 * chain-of-thought text, each concise and "overthinking" (verification rounds, restatements, a corrected wrong
 * step). {@link dev.reason4j.testbed.world.WorldJsonl} writes them as JSONL that {@code core.dataset} reads.
 */
package dev.reason4j.testbed.world;
