using Microsoft.Playwright;

namespace FeedbackBot.Testing.Browser;

/// <summary>
/// What a page did that a self-contained page must not: requests to anywhere but its own origin (aborted, so they
/// cannot succeed by accident) and script errors, collected for the test to assert empty.
/// </summary>
public sealed class PageWatch
{
    private readonly Lock _gate = new();
    private readonly List<string> _elsewhere = [];
    private readonly List<string> _errors = [];

    private PageWatch()
    {
    }

    /// <summary>Requests to other origins, aborted.</summary>
    public IReadOnlyList<string> Elsewhere
    {
        get
        {
            lock (_gate)
            {
                return [.. _elsewhere];
            }
        }
    }

    /// <summary>Uncaught errors and console errors.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Watches <paramref name="page"/>, letting through only requests to <paramref name="origin"/>.</summary>
    public static async Task<PageWatch> StartAsync(IPage page, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(origin);
        var watch = new PageWatch();
        var own = origin.GetLeftPart(UriPartial.Authority);
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(own, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            watch.Add(watch._elsewhere, route.Request.Url);
            await route.AbortAsync();
        });
        page.PageError += (_, error) => watch.Add(watch._errors, error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watch.Add(watch._errors, message.Text);
            }
        };
        return watch;
    }

    private void Add(List<string> list, string item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }
}
