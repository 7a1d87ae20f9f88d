using FeedbackBot.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Adapters.Playground;

internal static class PlaygroundEndpoints
{
    /// <summary>
    /// Maps the page, its files and the Direct Line subset when <c>Playground:Enabled</c> is on; when it is off none
    /// of them exists, so every playground address answers 404. Unless <c>Playground:AllowRemote</c> is on, they answer
    /// only callers on this machine: anyone else gets the same 404, before anything they sent is read.
    /// </summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (options.Enabled)
        {
            var group = endpoints.MapGroup(string.Empty);
            if (!options.AllowRemote)
            {
                group.AddEndpointFilter(static (context, next) =>
                    LocalRequests.IsLocal(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound()));
            }

            group.MapPlaygroundPage();
            group.MapDirectLine();
            group.MapPlaygroundCustomerSurvey();
        }

        return endpoints;
    }
}
