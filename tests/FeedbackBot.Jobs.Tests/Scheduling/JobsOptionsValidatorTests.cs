using FeedbackBot.Jobs.Scheduling;
using Microsoft.Extensions.Configuration;

namespace FeedbackBot.Jobs.Tests.Scheduling;

public sealed class JobsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var options = new JobsOptions();

        Assert.True(new JobsOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.Enabled);
    }

    [Theory]
    [InlineData("Jobs:Enabled", "sometimes", "Jobs:Enabled must be true or false, not 'sometimes'.")]
    [InlineData("Jobs:WeeklySummaryCron", "0 9 * *", "Jobs:WeeklySummaryCron '0 9 * *' is not a schedule: expected five fields")]
    [InlineData("Jobs:TimeZone", "Mars/Olympus", "Jobs:TimeZone 'Mars/Olympus' is not a known time zone")]
    [InlineData("People:SyncSchedule", "daily", "People:SyncSchedule 'daily' is not a schedule: expected five fields")]
    [InlineData("People:SyncSchedule", "0 25 * * *", "People:SyncSchedule '0 25 * * *' is not a schedule: ")]
    [InlineData("Qa:RetentionSchedule", "nightly", "Qa:RetentionSchedule 'nightly' is not a schedule: expected five fields")]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        var result = new JobsOptionsValidator().Validate(null, JobsOptions.From(configuration));

        Assert.True(result.Failed);
        Assert.StartsWith(expected, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off")]
    [InlineData(" OFF ")]
    public void Validate_PeopleSyncScheduleOff_SucceedsAndTurnsTheSyncOff(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["People:SyncSchedule"] = value })
            .Build();
        var options = JobsOptions.From(configuration);

        Assert.True(new JobsOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.PeopleSyncEnabled);
    }

    [Theory]
    [InlineData("off")]
    [InlineData(" Off ")]
    public void Validate_QaRetentionScheduleOff_SucceedsAndTurnsRetentionOff(string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Qa:RetentionSchedule"] = value })
            .Build();
        var options = JobsOptions.From(configuration);

        Assert.True(new JobsOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.QaRetentionEnabled);
    }

    [Fact]
    public void From_NoQaRetentionSchedule_DeletesDailyAtHalfPastTwo()
    {
        var options = JobsOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal("30 2 * * *", options.QaRetentionSchedule);
        Assert.True(options.QaRetentionEnabled);
    }

    [Fact]
    public void Validate_RetentionScheduleNotACron_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:Schedule"] = "nightly" })
            .Build();

        var result = new JobsOptionsValidator().Validate(null, JobsOptions.From(configuration));

        Assert.True(result.Failed);
        Assert.StartsWith("Retention:Schedule 'nightly' is not a schedule", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoPeopleSyncSchedule_SyncsDailyAtThree()
    {
        var options = JobsOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal("0 3 * * *", options.PeopleSyncSchedule);
        Assert.True(options.PeopleSyncEnabled);
    }

    [Fact]
    public void Enabled_False_TurnsJobsOff()
    {
        Assert.False(new JobsOptions { EnabledText = "false" }.Enabled);
    }
}
