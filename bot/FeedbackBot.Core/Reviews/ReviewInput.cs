using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Reviews;

/// <summary>Everything a review of one cycle is built from; gathered by the host, analysed here.</summary>
/// <param name="Plan">The plan version the cycle ran under.</param>
/// <param name="PlanVersion">Its version number.</param>
/// <param name="Current">The cycle's tallies.</param>
/// <param name="Previous">The previous cycle's tallies, for trends.</param>
/// <param name="Invitations">Who was invited to the cycle, if invitations were sent.</param>
/// <param name="PreviousInvitations">Who was invited to the previous cycle.</param>
/// <param name="Complaints">Complaints received in the cycle's window.</param>
/// <param name="PreviousComplaints">Complaints received in the previous cycle's window.</param>
/// <param name="Feedback">Customer feedback logged by staff in the cycle's window.</param>
/// <param name="Operational">Operational metric values in the cycle's window.</param>
/// <param name="PreviousOperational">Operational metric values in the previous cycle's window.</param>
/// <param name="Companions">Other plans' cycles over the same period measuring the same features from another audience.</param>
/// <param name="Rules">Thresholds and advice.</param>
/// <param name="Evaluations">
/// QA evaluations of the plan whose interaction (or, without its date, the evaluation) falls in the cycle's window;
/// empty when the plan has no scorecards.
/// </param>
/// <param name="Logged">
/// Praise and complaints about the plan's features logged by staff in the cycle's window, with the feature and kind
/// the comments in <paramref name="Feedback"/> lose; null when none was gathered.
/// </param>
/// <param name="EarlierCycles">
/// Earlier cycles' complaints and operational figures, most recent first, for complaint trends and for judging daily
/// figures; null when not loaded, and then the previous cycle's complaints stand alone.
/// </param>
/// <param name="Interactions">Interactions in the cycle's window from the imported interaction log; null when none is imported.</param>
public sealed record ReviewInput(
    MeasurementPlan Plan,
    int PlanVersion,
    CycleTallies Current,
    CycleTallies? Previous,
    InvitationCounts? Invitations,
    InvitationCounts? PreviousInvitations,
    IReadOnlyList<ComplaintRecord> Complaints,
    IReadOnlyList<ComplaintRecord>? PreviousComplaints,
    IReadOnlyList<Comment> Feedback,
    IReadOnlyList<OperationalObservation> Operational,
    IReadOnlyList<OperationalObservation> PreviousOperational,
    IReadOnlyList<Companion> Companions,
    ReviewRules Rules,
    IReadOnlyList<QaEvaluation>? Evaluations = null,
    IReadOnlyList<LoggedFeedback>? Logged = null,
    IReadOnlyList<EarlierCycle>? EarlierCycles = null,
    long? Interactions = null);

/// <summary>How many people were invited to a cycle, in all and per segment.</summary>
/// <param name="Invited">People invited.</param>
/// <param name="BySegment">People invited per segment.</param>
public sealed record InvitationCounts(int Invited, IReadOnlyDictionary<string, int> BySegment);

/// <summary>One day's value of an operational metric.</summary>
/// <param name="Date">The day.</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Segment">The segment, or empty for the whole service.</param>
/// <param name="Value">The value.</param>
public sealed record OperationalObservation(DateOnly Date, string Metric, string Segment, double Value);

/// <summary>Another plan's cycle whose questions measure some of the same features, from another audience.</summary>
/// <param name="Plan">That plan.</param>
/// <param name="Tallies">Its cycle's tallies.</param>
public sealed record Companion(MeasurementPlan Plan, CycleTallies Tallies);

/// <summary>What a customer said to a member of staff, logged by them in chat about one of the plan's features.</summary>
/// <param name="Feature">The service feature it concerns.</param>
/// <param name="Praise">Praise; otherwise a complaint.</param>
/// <param name="Text">What the customer said.</param>
public sealed record LoggedFeedback(string Feature, bool Praise, string Text);
