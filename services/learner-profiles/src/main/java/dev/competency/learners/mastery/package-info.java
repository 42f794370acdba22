/**
 * The mastery model: a pure, deterministic fold of one learner's evidence for one competency under the mastery
 * policy of a framework version, and the roll-up of children to a parent. Plain Java, no framework imports, so
 * it can be tested exhaustively and benchmarked alone.
 *
 * <h2>Choices this package makes</h2>
 * <ul>
 *   <li><b>Order and identity.</b> Items fold in order of occurredAt, recordedAt, evidenceId; the result never
 *       depends on input order. Copies sharing an evidence id count once: the first recorded copy wins (ties
 *       broken by a total order over the other fields), and a voided flag on any copy voids the id.</li>
 *   <li><b>Bitemporal filters.</b> Items that occurred after the as-of instant or were recorded after the knownAt
 *       instant are excluded, and reported as such. Voids apply whatever the knownAt instant: the caller passes
 *       the voids it knew of.</li>
 *   <li><b>Source weights</b> are credibilities of at least 0; 0 excludes the source. AVERAGE, N_MASTERY and the
 *       mean part of WEIGHTED_AVERAGE use weighted means. DECAYING_AVERAGE scales its rate by the weight,
 *       {@code r = min(1, d * weight)}. BKT interpolates between prior and posterior by {@code min(1, weight)}
 *       before the transition. HIGHEST and LATEST only honour weight 0.</li>
 *   <li><b>Manual ratings</b> that name a level act on the level, not on the score, unless the precedence is
 *       NEVER; they count in evidenceCount but not towards the minimum-evidence rule, which the rating outranks.
 *       "Newer evidence" means a scored item later in fold order: one that <em>occurred</em> after the rating.
 *       Evidence recorded after the rating about something that happened before it does not end the override.</li>
 *   <li><b>Minimum evidence</b> holds back mastery, not the level: with fewer scored items than the minimum the
 *       computed level is reported up to the level below the mastery level, and mastered is false.</li>
 *   <li><b>Expiry</b> is anchored at the last counted item:
 *       {@code expiresAt = lastEvidenceAt + validity}. Any new evidence, a manual rating included, restarts the
 *       period. An expired level is still reported, with mastered false.</li>
 *   <li><b>Decay</b> multiplies the score at read time by {@code 0.5^(age / halfLife)} with
 *       {@code age = asOf - lastEvidenceAt}; the level is then derived from the decayed score. A manual rating's
 *       level does not decay.</li>
 *   <li><b>Time-driven changes</b>: every result says when time alone next changes its level or mastered flag
 *       ({@link dev.competency.learners.mastery.MasteryResult#nextChangeAt()}): the decayed score falls below the
 *       threshold of the level it decides, or a mastered level expires. The service schedules that instant.</li>
 *   <li><b>Thresholds</b> are reached by a score at most {@link dev.competency.learners.mastery.ProficiencyScale#TOLERANCE}
 *       (1e-9) below them, so rounding in binary floating point never costs a level (the mean of 0.6, 0.7 and 0.8
 *       is 0.6999999999999998). The same test decides levels, N_MASTERY's qualifying scores and BKT's correct
 *       observations, and the explanation prints as many decimals as it takes to show a score of the level
 *       reported.</li>
 *   <li><b>Roll-up points</b>: a child earns its level's position counted from 1 (0 without a level or when
 *       expired).</li>
 * </ul>
 */
package dev.competency.learners.mastery;
