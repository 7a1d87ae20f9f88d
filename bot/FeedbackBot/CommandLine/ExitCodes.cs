namespace FeedbackBot.CommandLine;

/// <summary>The process exit codes, a contract with scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
