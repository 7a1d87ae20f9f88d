namespace FeedbackBot.Features.People;

/// <summary>A person as a platform lists them.</summary>
/// <param name="Id">Their platform user id (Teams <c>29:</c>, Slack <c>U…</c>).</param>
/// <param name="Name">Their name, when the platform gives one.</param>
/// <param name="Email">Their work e-mail address, normalised; null when the platform gives none that is valid.</param>
/// <param name="Segments">Segment attributes from the profile (Slack's <c>title</c>), by name; only non-empty values.</param>
internal sealed record PlatformUser(string Id, string? Name, string? Email, IReadOnlyDictionary<string, string> Segments);

/// <summary>
/// Everyone a platform lists for one tenant, read whole before anything is stored, so that a failure part way
/// through the pages changes nothing.
/// </summary>
/// <param name="Source">The roster source (<c>teams</c>, <c>slack</c>).</param>
/// <param name="Users">The people listed, each once.</param>
/// <param name="Attributes">The segment attributes this platform gives at all (Slack: title; Teams: none).</param>
/// <param name="From">Where the list came from, for the summary: "2 teams", "the workspace".</param>
internal sealed record PlatformRoster(string Source, IReadOnlyList<PlatformUser> Users, IReadOnlyCollection<string> Attributes, string From);
