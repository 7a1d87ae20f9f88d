using System.Text.Json.Nodes;
using FeedbackBot.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Features.HelpdeskTriggers;

/// <summary>
/// <c>POST /api/interactions</c>: a helpdesk reports a closed interaction. The signature is checked over the raw
/// bytes before anything is parsed (401 and nothing stored when it fails); a body that is not what docs/customers.md
/// describes gets 400 naming the field; a redelivery of an interaction already reported answers 200 with what was
/// decided the first time and changes nothing.
/// </summary>
internal static class ReportInteractionEndpoint
{
    public const string Path = "/api/interactions";
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapReportInteraction(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IOptions<WebhookOptions> options, TimeProvider clock, QueueCustomerSurvey queue, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, null, $"the body is larger than {MaxBodyBytes / 1024} KiB");
        }

        if (WebhookSignature.Check(
                options.Value.Secret,
                request.Headers[WebhookSignature.TimestampHeader],
                request.Headers[WebhookSignature.SignatureHeader],
                body,
                clock.GetUtcNow()) is { } refusal)
        {
            var log = logs.CreateLogger(typeof(ReportInteractionEndpoint));
            if (log.IsEnabled(LogLevel.Warning))
            {
                log.LogWarning("Refused a request to {Path}: {Reason}", Path, refusal);
            }

            return Error(StatusCodes.Status401Unauthorized, null, refusal);
        }

        var (interaction, field, error) = ClosedInteraction.Read(body);
        if (interaction is null)
        {
            return Error(StatusCodes.Status400BadRequest, field, error!);
        }

        var result = await queue.RunAsync(interaction, cancellationToken);
        if (result.Error is not null)
        {
            return Error(StatusCodes.Status400BadRequest, result.Field, result.Error);
        }

        if (result.Outcome == TriggerOutcomes.NoCycle)
        {
            return Results.Json(
                new JsonObject { ["error"] = "no scheduler runs here to open and close the plan's cycle; try again later" },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var answer = new JsonObject
        {
            ["interaction_id"] = interaction.InteractionId,
            ["outcome"] = result.Outcome,
            ["plan"] = result.Plan,
            ["send_at"] = result.SendAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : null,
            ["duplicate"] = result.Duplicate,
        };
        return Results.Json(answer, statusCode: result.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    private static IResult Error(int status, string? field, string message)
    {
        var body = new JsonObject { ["error"] = field is null ? message : $"{field}: {message}" };
        if (field is not null)
        {
            body["field"] = field;
        }

        return Results.Json(body, statusCode: status);
    }
}
