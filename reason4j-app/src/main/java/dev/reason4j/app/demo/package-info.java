/**
 * {@code reason4j demo}: the whole system in one command, on the shipped models and held-out testbed problems.
 * {@link dev.reason4j.app.demo.DemoCommand} runs four resumable parts, each a documented command or stage in its own
 * run directory (search strategies by difficulty, the base model's overthinking, shorten and prune before and after),
 * sized by {@link dev.reason4j.app.demo.DemoSize}, and ends with one HTML report and {@code summary.json}.
 */
package dev.reason4j.app.demo;
