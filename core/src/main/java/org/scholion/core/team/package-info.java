/**
 * Team annotation: how far annotators of the same text agree ({@link org.scholion.core.team.Agreement}),
 * where they differ ({@link org.scholion.core.team.Diff}), a gold document from several annotations
 * ({@link org.scholion.core.team.Merge}, {@link org.scholion.core.team.Adjudication}) and the merge of two
 * branches of one annotation file by meaning ({@link org.scholion.core.team.ThreeWayMerge}).
 *
 * <p>The chance-corrected coefficients are DKPro Statistics' (Cohen's and Fleiss' kappa, Krippendorff's
 * unitizing alpha); this package only says what the items and units are.
 */
package org.scholion.core.team;
