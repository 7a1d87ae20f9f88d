using FeedbackBot.Core.Analysis.Text;

namespace FeedbackBot.Core.Tests.Analysis.Text;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("Email me at anna.smith@example.co.uk.", "Email me at [email].")]
    [InlineData("Write to j_doe+cx@mail.example.com today", "Write to [email] today")]
    [InlineData("Our address: support@example.org", "Our address: [email]")]
    public void Mask_EmailAddress_BecomesEmail(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("Call me on +44 20 7946 0958 please", "Call me on [phone] please")]
    [InlineData("My number is (555) 123-4567.", "My number is [phone].")]
    [InlineData("Mobile 07700 900123 after six", "Mobile [phone] after six")]
    [InlineData("Ring 555-1234 or +1-555-123-4567", "Ring [phone] or [phone]")]
    [InlineData("Try +44 (0)20 7946 0958", "Try [phone]")]
    [InlineData("Landline 0161.496.0000", "Landline [phone]")]
    public void Mask_PhoneNumberInCommonFormats_BecomesPhone(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("Card 4111 1111 1111 1111 was charged twice", "Card [number] was charged twice")]
    [InlineData("Card 4111-1111-1111-1111 was charged", "Card [number] was charged")]
    [InlineData("Card 4111111111111111 was charged", "Card [number] was charged")]
    [InlineData("Amex 3782 822463 10005", "Amex [number]")]
    public void Mask_PaymentCardNumber_BecomesNumber(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("I waited 45 minutes and called 3 times.")]
    [InlineData("Order AB1234567 arrived late.")]
    [InlineData("On 2024-03-15 and again on 15.03.2024 it failed.")]
    [InlineData("It cost £1,250.00 in the end.")]
    public void Mask_ShortNumbersCodesAndDates_AreLeftAlone(string text)
    {
        Assert.Equal(text, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("My name is Zbigniew Kowalczyk and I'm angry.", "My name is [name] and I'm angry.")]
    [InlineData("I spoke to Anna and she was great.", "I spoke to [name] and she was great.")]
    [InlineData("Thanks John!", "Thanks [name]!")]
    [InlineData("Mrs. Thompson and Dr Okafor helped.", "Mrs. [name] and Dr [name] helped.")]
    [InlineData("Ask for Steve in billing.", "Ask for [name] in billing.")]
    [InlineData("The agent Siobhan sorted it.", "The agent [name] sorted it.")]
    [InlineData("A guy called Dave said to ask for priya.", "A guy called [name] said to ask for [name].")]
    [InlineData("I'm Kasia, a customer since 2010.", "I'm [name], a customer since 2010.")]
    [InlineData("I spoke with Will yesterday.", "I spoke with [name] yesterday.")]
    public void Mask_NameAfterACue_BecomesName(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("Sorted in minutes.\n- Anna", "Sorted in minutes.\n- [name]")]
    [InlineData("Great help \u2014 Tomasz Nowak", "Great help \u2014 [name]")]
    [InlineData("Kind regards,\nRuth Okonjo", "Kind regards,\n[name]")]
    public void Mask_Signature_BecomesName(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("Priya was brilliant.", "[name] was brilliant.")]
    [InlineData("Thank the team, especially Mohammed and Sarah Lewis.", "Thank the team, especially [name] and [name].")]
    [InlineData("Mohammed's manager was rude.", "[name]'s manager was rude.")]
    [InlineData("The lady, Grace, was patient.", "The lady, [name], was patient.")]
    public void Mask_KnownFirstNameWithCapital_BecomesName(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("Great service on Monday in March with my iPhone and Microsoft Teams.")]
    [InlineData("I rang on 14 May and again in June.")]
    [InlineData("Will you call me back? Mark my words.")]
    [InlineData("I'm not happy. I'm Very upset.")]
    [InlineData("Thanks, Great service!")]
    [InlineData("Great service - Excellent")]
    [InlineData("The bill was wrong and I will grace you with a review.")]
    public void Mask_OrdinaryCapitalisedWords_AreLeftAlone(string text)
    {
        Assert.Equal(text, PersonalDataMasker.Mask(text));
    }

    [Fact]
    public void Mask_EverythingTogether_MasksEachKind()
    {
        var masked = PersonalDataMasker.Mask("I'm Anna (anna@example.com, 07700 900123), card 4111 1111 1111 1111.");

        Assert.Equal("I'm [name] ([email], [phone]), card [number].", masked);
    }
}
