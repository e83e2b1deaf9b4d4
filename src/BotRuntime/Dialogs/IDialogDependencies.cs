namespace BotRuntime.Dialogs;

/// <summary>A dialog that needs other dialogs in the same set; <see cref="DialogSet.Add"/> adds them too.</summary>
public interface IDialogDependencies
{
    IEnumerable<Dialog> GetDependencies();
}
