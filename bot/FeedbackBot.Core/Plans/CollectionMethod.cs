namespace FeedbackBot.Core.Plans;

/// <summary>The ways a plan collects evidence.</summary>
public enum CollectionMethod
{
    /// <summary>Pulse surveys sent as cards in chat.</summary>
    Survey,

    /// <summary>A survey answered through a web link.</summary>
    WebLink,

    /// <summary>Customer feedback logged informally by staff.</summary>
    InformalFeedback,

    /// <summary>The complaints log, imported.</summary>
    Complaints,

    /// <summary>Operational KPIs, imported.</summary>
    OperationalData,

    /// <summary>Observation of interactions, scored with QA scorecards.</summary>
    Observation,
}
