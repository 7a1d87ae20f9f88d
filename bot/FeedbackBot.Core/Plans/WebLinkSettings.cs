namespace FeedbackBot.Core.Plans;

/// <summary>
/// Settings of the <c>web_link</c> method, written as a mapping in the plan's <c>methods</c> list:
/// <c>- web_link: {delay: 2h}</c>.
/// </summary>
/// <param name="Delay">
/// How long after a helpdesk reports an interaction closed the customer is sent the survey; null when helpdesk
/// triggers are not taken for this plan.
/// </param>
public sealed record WebLinkSettings(TimeSpan? Delay);
