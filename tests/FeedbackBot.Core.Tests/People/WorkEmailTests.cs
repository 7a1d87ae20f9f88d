using FeedbackBot.Core.People;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.People;

public sealed class WorkEmailTests
{
    [Theory]
    [InlineData("ana.lima@example.com", "ana.lima@example.com")]
    [InlineData("Ana.Lima@Example.COM", "ana.lima@example.com")]
    [InlineData("  ben+support@mail.example.co.uk ", "ben+support@mail.example.co.uk")]
    [InlineData("o'neil@example.ie", "o'neil@example.ie")]
    [InlineData("x@xn--80ak6aa92e.com", "x@xn--80ak6aa92e.com")]
    public void TryNormalize_WorkAddress_ReturnsItInLowerCase(string text, string expected)
    {
        Assert.True(WorkEmail.TryNormalize(text, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@example.com")]
    [InlineData("ana@@example.com")]
    [InlineData("ana@lima@example.com")]
    [InlineData("ana lima@example.com")]
    [InlineData("ana@example")]
    [InlineData("ana..lima@example.com")]
    [InlineData(".ana@example.com")]
    [InlineData("ana.@example.com")]
    [InlineData("ana@-example.com")]
    [InlineData("ana@example-.com")]
    [InlineData("ana@example..com")]
    [InlineData("ana@10.0.0.1")]
    [InlineData("\"ana\"@example.com")]
    [InlineData("Ana Lima <ana@example.com>")]
    [InlineData("ana@exa_mple.com")]
    public void TryNormalize_NotAnAddress_ReturnsFalse(string text)
    {
        Assert.False(WorkEmail.TryNormalize(text, out var normalized));
        Assert.Equal(string.Empty, normalized);
    }

    [Fact]
    public void TryNormalize_Null_ReturnsFalse()
    {
        Assert.False(WorkEmail.TryNormalize(null, out _));
    }

    [Fact]
    public void TryNormalize_LongerThanAMailPathAllows_ReturnsFalse()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".com";

        Assert.False(WorkEmail.TryNormalize("ana@" + domain, out _));
        Assert.False(WorkEmail.TryNormalize(new string('a', 65) + "@example.com", out _));
    }

    [Fact]
    public void TryNormalize_AnyAcceptedAddress_IsAlreadyNormalOnceNormalised()
    {
        var parts = Gen.Elements("ana", "Ben", "c.d", "E+F", "g_h", "I-j", "k'l", "M9").ArrayOf(2);
        var domains = Gen.Elements("example.com", "Mail.Example.ORG", "sub.example.co.uk", "x-y.io");
        var addresses = from local in parts from domain in domains select $"{string.Join('.', local)}@{domain}";

        Prop.ForAll(addresses.ToArbitrary(), address =>
        {
            Assert.True(WorkEmail.TryNormalize(address, out var once));
            Assert.True(WorkEmail.TryNormalize(once, out var twice));
            Assert.Equal(once, twice);
            Assert.Equal(address.ToLowerInvariant(), once);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("ana@example.com", true)]
    [InlineData("29:1a2b3c", false)]
    [InlineData("U0123ABCD", false)]
    [InlineData("not an address@", true)]
    public void LooksLikeEmail_PersonCell_TellsAnAddressFromAUserId(string text, bool expected)
    {
        Assert.Equal(expected, WorkEmail.LooksLikeEmail(text));
    }
}
