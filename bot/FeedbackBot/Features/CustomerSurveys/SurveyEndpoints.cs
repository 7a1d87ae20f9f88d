using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// The customer's survey link: <c>GET /s/{token}</c> shows the plan's customer questions, <c>POST /s/{token}</c> takes
/// the answers once, <c>GET /s/{token}/thanks</c> is where a stored answer leads. The token is checked before
/// anything else of a request is read: unknown or tampered is 404, past its cycle is 410, both with no survey data.
/// </summary>
/// <remarks>
/// No antiforgery token: forgery rides on credentials a browser sends by itself (cookies), and a survey link has
/// none. The token in the address is the whole capability, and a page elsewhere that could post with it already knows
/// it. The endpoints bind no form, so ASP.NET's antiforgery checks do not apply to them either.
/// </remarks>
internal static class SurveyEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // Relative, so the links hold behind a proxy that serves the bot under a path of its own.
    private const string StyleFromPage = "survey.css";
    private const string StyleFromThanks = "../survey.css";

    public static IEndpointRouteBuilder MapSurveyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/s/" + SurveyStyle.FileName, SurveyStyle.Serve);
        endpoints.MapGet("/s/{token}", ShowAsync);
        endpoints.MapPost("/s/{token}", SubmitAsync);
        endpoints.MapGet("/s/{token}/thanks", ThanksAsync);
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext http, SurveyLinkLookup lookup, CancellationToken cancellationToken)
    {
        Protect(http);
        var found = await lookup.FindAsync(token, cancellationToken);
        return found switch
        {
            { State: SurveyLinkState.Open, Link: { } link } => Html(SurveyPage.Form(Prompt(link), token, StyleFromPage)),
            { State: SurveyLinkState.Answered } => Answered(http, StyleFromPage),
            _ => Dead(http, found.State, StyleFromPage),
        };
    }

    private static async Task<IResult> SubmitAsync(
        string token, HttpContext http, SurveyLinkLookup lookup, SurveyResponses responses, CancellationToken cancellationToken)
    {
        Protect(http);
        var found = await lookup.FindAsync(token, cancellationToken);
        if (found.State == SurveyLinkState.Answered)
        {
            return Answered(http, StyleFromPage);
        }

        if (found is not { State: SurveyLinkState.Open, Link: { } link })
        {
            return Dead(http, found.State, StyleFromPage);
        }

        var read = await SurveyForm.ReadAsync(http.Request, cancellationToken);
        if (read.Problem != SurveyFormProblem.None)
        {
            var (status, code) = read.Problem switch
            {
                SurveyFormProblem.TooLarge => (StatusCodes.Status413PayloadTooLarge, "too_large"),
                SurveyFormProblem.UnsupportedType => (StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type"),
                _ => (StatusCodes.Status400BadRequest, "bad_request"),
            };
            return WantsJson(http.Request)
                ? Problem(status, code, read.Describe())
                : Html(SurveyPage.Message("Your answers could not be read", read.Describe() + " Go back to the survey and send it again.", StyleFromPage), status);
        }

        var prompt = Prompt(link);
        var check = SurveyForms.Check(link.Plan, Audience.Customer, prompt, read.Values);
        if (!check.IsValid)
        {
            // The page comes back as an ordinary 200 page with the errors on it, not a 4xx: it is where the person
            // carries on, and proxies that put their own page in place of error responses would hide it. A script
            // asking for JSON gets 422 with the same messages by question id.
            return WantsJson(http.Request)
                ? Results.Json(new { errors = check.Retry!.Errors }, statusCode: StatusCodes.Status422UnprocessableEntity)
                : Html(SurveyPage.Form(check.Retry!, token, StyleFromPage));
        }

        if (!await responses.StoreAsync(link, check.Answers!, cancellationToken))
        {
            return Answered(http, StyleFromPage);
        }

        if (WantsJson(http.Request))
        {
            return Results.Json(new { status = "answered" });
        }

        // Post, redirect, get: a refresh of the thank-you page asks for it again instead of sending the answers again.
        http.Response.Headers.Location = token + "/thanks";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> ThanksAsync(string token, HttpContext http, SurveyLinkLookup lookup, CancellationToken cancellationToken)
    {
        Protect(http);
        var found = await lookup.FindAsync(token, cancellationToken);
        switch (found.State)
        {
            case SurveyLinkState.Answered:
                return Html(SurveyPage.Message("Thank you", "Your answers have been received. You can close this page now.", StyleFromThanks));
            case SurveyLinkState.Open:
                // Nothing answered yet: the survey is one step up.
                http.Response.Headers.Location = "../" + token;
                return Results.StatusCode(StatusCodes.Status303SeeOther);
            default:
                return Dead(http, found.State, StyleFromThanks);
        }
    }

    private static SurveyPrompt Prompt(SurveyLink link) =>
        SurveyForms.Prompt(link.Plan, Audience.Customer, link.Cycle.Id.ToString("D"), link.Invitation.Id.ToString("N"));

    private static IResult Answered(HttpContext http, string style) =>
        WantsJson(http.Request)
            ? Problem(StatusCodes.Status409Conflict, "already_answered", "This survey link has already been answered.")
            : Html(SurveyPage.Message("Already answered", "This survey link has already been answered, and each link takes one set of answers. Thank you for your time.", style));

    private static IResult Dead(HttpContext http, SurveyLinkState state, string style)
    {
        var closed = state == SurveyLinkState.Closed;
        var status = closed ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
        if (WantsJson(http.Request))
        {
            return closed
                ? Problem(status, "closed", "This survey has closed; answers are no longer taken.")
                : Problem(status, "not_found", "There is no survey at this link.");
        }

        return closed
            ? Html(SurveyPage.Message("This survey has closed", "Answers are no longer taken at this link. Thank you for your time.", style), status)
            : Html(SurveyPage.Message("Survey not found", "There is no survey at this link. Check that the whole link was copied from your invitation.", style), status);
    }

    private static IResult Problem(int status, string code, string message) =>
        Results.Json(new { error = code, message }, statusCode: status);

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", null, status);

    /// <summary>Set before anything is decided, so every answer, a dead link's included, carries them.</summary>
    private static void Protect(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // The token is in the address: no Referer may carry it elsewhere, and no cache may keep the page.
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
    }

    /// <summary>
    /// JSON for a client that asks for it (<c>Accept: application/json</c>) or sends it without asking for HTML; a
    /// browser, which always asks for HTML, gets pages.
    /// </summary>
    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        bool Accepts(string type) => accept.Any(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        return !Accepts("text/html") && (Accepts("application/json") || SurveyForm.IsJson(request.ContentType));
    }
}
