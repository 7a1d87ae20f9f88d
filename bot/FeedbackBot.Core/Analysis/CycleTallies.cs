using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Analysis.Validation;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis;

/// <summary>What one cycle's responses add up to after validation: the input of a review.</summary>
/// <param name="Window">The cycle's window.</param>
/// <param name="Received">Responses received.</param>
/// <param name="ByClass">Responses per class (usable and each reason for exclusion).</param>
/// <param name="StraightLiners">Otherwise-usable responses that straight-lined.</param>
/// <param name="Questions">Usable answers per question id.</param>
/// <param name="BySegment">Usable answers per segment, then per question id.</param>
/// <param name="UsableBySegment">Usable responses per segment.</param>
/// <param name="UsableByAudience">Usable responses per audience.</param>
/// <param name="Comments">Free-text answers of usable responses, coded into themes as they arrived (only counts and a few quotes are kept).</param>
/// <param name="ByAgent">
/// Usable answers per agent of the interaction asked about, then per question id, when any usable response named
/// one (responses that did not are under <see cref="UnknownSegment"/>); empty otherwise.
/// </param>
/// <param name="ByChannel">Usable answers per channel of the interaction asked about, on the same terms.</param>
/// <param name="OutcomePairs">
/// Per other scale question, the pairs of numeric answers (the outcome question's, then that question's) of usable
/// responses that answered both; empty when the plan has no outcome (<see cref="MeasurementPlan.OutcomeKpi"/>).
/// </param>
public sealed record CycleTallies(
    CycleWindow Window,
    int Received,
    IReadOnlyDictionary<ResponseClass, int> ByClass,
    int StraightLiners,
    IReadOnlyDictionary<string, AnswerTally> Questions,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, AnswerTally>> BySegment,
    IReadOnlyDictionary<string, int> UsableBySegment,
    IReadOnlyDictionary<Audience, int> UsableByAudience,
    ThemeAccumulator Comments,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, AnswerTally>>? ByAgent = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, AnswerTally>>? ByChannel = null,
    IReadOnlyDictionary<string, PairTally>? OutcomePairs = null)
{
    /// <summary>The segment name used for responses that gave none.</summary>
    public const string UnknownSegment = "(none)";

    /// <summary>Usable responses.</summary>
    public int Usable => ByClass.GetValueOrDefault(ResponseClass.Usable);
}
