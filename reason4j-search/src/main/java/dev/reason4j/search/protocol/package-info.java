/**
 * Step protocols: how a model's output is cut into steps, how a step is judged (code to run, a final answer, or a
 * dead end), and what the system writes back into the trajectory. {@link dev.reason4j.search.protocol.CodeStepProtocol}
 * is rStar-Math's code-augmented chain of thought; {@link dev.reason4j.search.protocol.CotStepProtocol} is plain
 * chain of thought for models that do not write code.
 */
package dev.reason4j.search.protocol;
