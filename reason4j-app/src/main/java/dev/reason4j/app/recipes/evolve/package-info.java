/**
 * {@code reason4j evolve}: rStar-Math self-evolution rounds
 * ({@link dev.reason4j.recipes.evolve.SelfEvolution}) on the in-process libtorch engine, with a progress bar per
 * stage and a table of the rounds.
 */
package dev.reason4j.app.recipes.evolve;
