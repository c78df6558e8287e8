/**
 * Test-time search: strategies that spend more computation on a problem to solve what one pass cannot, from
 * {@link dev.reason4j.search.Greedy} through {@link dev.reason4j.search.SelfConsistency},
 * {@link dev.reason4j.search.BestOfN} and {@link dev.reason4j.search.PrmBeamSearch} to rStar-Math's
 * {@link dev.reason4j.search.RStarMcts} and {@link dev.reason4j.search.AdaptiveMcts}.
 *
 * <pre>{@code
 * SearchContext ctx = SearchContext.builder()
 *         .policy(model)                                       // any LanguageModel
 *         .protocol(new CodeStepProtocol(grader.extractor(), CodeRules.defaults()))
 *         .executor(pythonPool)                                // code steps run in the sandbox
 *         .reward(new OracleRewardModel(grader))               // or a PPM at inference
 *         .settings(SearchSettings.builder().temperature(0.7).maxDepth(16).build())
 *         .build();
 * List<SearchResult> results = new RStarMcts(MctsOptions.defaults()).solve(ctx, problems, 42);
 * }</pre>
 *
 * <p>Every strategy grows a {@link dev.reason4j.search.SearchTree} per problem (written by
 * {@link dev.reason4j.search.SearchJson}), accounts its cost in {@link dev.reason4j.search.SearchUsage}, and picks an
 * answer by {@link dev.reason4j.search.AnswerSelection}. Search sees only the SPIs of {@code dev.reason4j.lm} and
 * {@code dev.reason4j.exec}: the same code runs on the in-process engine or a remote server.
 */
package dev.reason4j.search;
