using Microsoft.Extensions.Options;

namespace FeedbackBot.Playground;

internal static class PlaygroundEndpoints
{
    /// <summary>
    /// Maps the page, its files and the Direct Line subset when <c>Playground:Enabled</c> is on; when it is off none
    /// of them exists, so every playground address answers 404.
    /// </summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled)
        {
            endpoints.MapPlaygroundPage();
            endpoints.MapDirectLine();
        }

        return endpoints;
    }
}
