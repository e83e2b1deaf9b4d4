using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;
using BotRuntime.Testing;

namespace BotRuntime.Dialogs.Tests.Prompts;

/// <summary>A one-question dialog: asks with the given prompt, then says "Got: {result}".</summary>
internal static class PromptHarness
{
    public static TestFlow Ask(Dialog prompt, PromptOptions options, TestAdapter? adapter = null, Func<object?, string>? describe = null)
    {
        var component = new ComponentDialog("question");
        component.AddDialog(new WaterfallDialog("ask",
        [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            async (step, ct) =>
            {
                var text = describe is not null ? describe(step.Result)
                    : step.Result is FoundChoice found ? found.Value
                    : Convert.ToString(step.Result, System.Globalization.CultureInfo.InvariantCulture);
                await step.Context.SendActivityAsync($"Got: {text}", cancellationToken: ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]));
        component.AddDialog(prompt);
        return DialogHarness.Flow(component, adapter);
    }

    public static PromptOptions Question(string text, string? retry = null, ListStyle? style = null, params string[] choices) => new()
    {
        Prompt = Activity.CreateMessageActivity(text),
        RetryPrompt = retry is null ? null : Activity.CreateMessageActivity(retry),
        Style = style,
        Choices = choices.Length == 0 ? null : ChoiceFactory.ToChoices(choices),
    };
}
