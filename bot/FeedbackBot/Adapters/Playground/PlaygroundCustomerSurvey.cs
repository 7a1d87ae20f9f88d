using FeedbackBot.CommandLine;
using FeedbackBot.Features.CustomerSurveys;
using FeedbackBot.Infrastructure.Tenancy;
using FeedbackBot.Jobs.Scheduling;

namespace FeedbackBot.Adapters.Playground;

/// <summary>
/// <c>POST /playground/customer-survey</c>: the playground's "answer as a customer". It makes one single-use link of
/// the example customer plan, exactly as <c>feedbackbot links create</c> does, and sends the browser to it. A POST,
/// because each press makes an invitation; and refused when another site's page sends it, which a browser says in
/// <c>Sec-Fetch-Site</c>.
/// </summary>
internal static class PlaygroundCustomerSurvey
{
    public const string Path = "/playground/customer-survey";
    public const string Plan = "customer-experience";

    public static IEndpointRouteBuilder MapPlaygroundCustomerSurvey(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (http.Request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site && site is not ("same-origin" or "none"))
        {
            return Results.Text("Only the playground page itself may make a customer link.\n", "text/plain", statusCode: StatusCodes.Status403Forbidden);
        }

        if (services.GetService<CycleRunner>() is null)
        {
            return Results.Text("The scheduler is not running here, so no cycle could be opened for a link.\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            var created = await HandOutLinks.CreateAsync(services, TenantSelector.Local, Plan, 1, cancellationToken);
            // 303: the browser fetches the survey with a GET, and a refresh there does not make another link.
            http.Response.Headers.Location = created.Links[0].Url.PathAndQuery;
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (UsageException e)
        {
            return Results.Text(e.Message + " Apply examples/plans/customer-experience.yaml to the local tenant to try a customer survey.\n", "text/plain", statusCode: StatusCodes.Status409Conflict);
        }
    }
}
