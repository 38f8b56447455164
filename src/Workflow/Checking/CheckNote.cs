namespace Approval.Workflow.Checking;

/// <summary>One check the engine ran or could not run, in words: a page never says "已检查" without saying what.</summary>
public sealed record CheckNote(string What, bool Done, string Detail);
