namespace FeedbackBot.Core.Plans;

/// <summary>Who is asked: the organisation's customers, or its own staff.</summary>
public enum Audience
{
    /// <summary>Customers of the service, reached by web link, imports or feedback logged by staff.</summary>
    Customer,

    /// <summary>Staff of the service, reached by pulse surveys in chat; their answers are anonymous.</summary>
    Staff,
}
