using System.Net;
using System.Text;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Contacts;

/// <summary><c>GET</c> and <c>POST /u/{token}</c>, reached from the link in an e-mail the bot sent.</summary>
public sealed class UnsubscribeTests : IAsyncLifetime
{
    private EmailRig _rig = null!;
    private HttpClient _http = null!;
    private string _path = null!;

    public async Task InitializeAsync()
    {
        _rig = await EmailRig.CreateAsync(CustomerPlans.Plan(), CustomerPlans.Contacts("north", "south"));
        var app = await _rig.StartAsync();
        await _rig.OpenCycleAsync();
        await _rig.SettledOutboxAsync(2);
        _http = new HttpClient { BaseAddress = TestHost.Address(app) };
        // The e-mail's link points at the public address; the same path on the bot's own.
        var header = _rig.Smtp.To(CustomerPlans.Address(1)).Single().Headers["List-Unsubscribe"];
        _path = new Uri(header!.Trim('<', '>')).AbsolutePath;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task Get_LinkFromTheEmail_AsksWithAButtonAndUnsubscribesNobody()
    {
        using var response = await _http.GetAsync(_path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Unsubscribe from survey e-mails</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Unsubscribe</button>", html, StringComparison.Ordinal);
        Assert.Contains("Customer care survey", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(0, await _rig.WithDbAsync(db => db.EmailSuppressions.CountAsync()));
    }

    [Fact]
    public async Task Post_OneClickBody_UnsubscribesThatAddressForTheTenant()
    {
        using var response = await PostAsync(_path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are unsubscribed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var suppression = Assert.Single(await _rig.WithDbAsync(db => db.EmailSuppressions.ToListAsync()));
        var contact = await _rig.WithDbAsync(db => db.Contacts.SingleAsync(c => c.ContactKey == "C-1"));
        Assert.Equal((contact.TenantId, contact.EmailHash), (suppression.TenantId, suppression.EmailHash));
    }

    [Fact]
    public async Task Post_Twice_SameAnswerAndOneSuppression()
    {
        using var first = await PostAsync(_path);
        using var second = await PostAsync(_path);
        using var page = await _http.GetAsync(_path);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await _rig.WithDbAsync(db => db.EmailSuppressions.CountAsync()));
        Assert.Contains("This address is already unsubscribed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAndPost_TamperedOrMadeUpToken_404AndNothingStored()
    {
        var last = _path[^1];
        var tampered = _path[..^1] + (last == 'A' ? 'B' : 'A');
        var otherInvitation = "/u/" + Guid.NewGuid().ToString("N") + _path[(_path.IndexOf('.', StringComparison.Ordinal))..];

        foreach (var path in new[] { tampered, otherInvitation, "/u/nonsense", "/u/" + new string('a', 500) })
        {
            using var get = await _http.GetAsync(path);
            using var post = await PostAsync(path);
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, post.StatusCode));
        }

        Assert.Equal(0, await _rig.WithDbAsync(db => db.EmailSuppressions.CountAsync()));
    }

    [Fact]
    public async Task Post_BodyOverTheCap_Is413AndUnsubscribesNobody()
    {
        using var response = await _http.PostAsync(
            _path, new StringContent("List-Unsubscribe=One-Click&x=" + new string('x', UnsubscribeEndpoints.MaxBodyBytes), Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _rig.WithDbAsync(db => db.EmailSuppressions.CountAsync()));
    }

    private Task<HttpResponseMessage> PostAsync(string path) =>
        _http.PostAsync(path, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
}
