using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Tests.Dialogs;

/// <summary>Dialogs shared by several tests.</summary>
internal static class SampleDialogs
{
    /// <summary>Name, age, preferred contact time and consent: one prompt per step, one answer per turn.</summary>
    public static ComponentDialog Intake(PromptValidator<int>? ageValidator = null)
    {
        var component = new ComponentDialog("intake");
        component.AddDialog(new WaterfallDialog("steps",
        [
            (step, ct) => step.PromptAsync("name", new PromptOptions { Prompt = Activity.CreateMessageActivity("What is your name?") }, ct),
            (step, ct) =>
            {
                step.Values["name"] = step.Result!;
                return step.PromptAsync("age", new PromptOptions
                {
                    Prompt = Activity.CreateMessageActivity("How old are you?"),
                    RetryPrompt = Activity.CreateMessageActivity("Please tell me your age as a number."),
                }, ct);
            },
            (step, ct) =>
            {
                step.Values["age"] = step.Result!;
                return step.PromptAsync("time", new PromptOptions
                {
                    Prompt = Activity.CreateMessageActivity("When should we call?"),
                    Choices = ChoiceFactory.ToChoices(["Morning", "Afternoon", "Evening"]),
                    Style = ListStyle.None,
                }, ct);
            },
            (step, ct) =>
            {
                step.Values["time"] = ((FoundChoice)step.Result!).Value;
                return step.PromptAsync("consent", new PromptOptions { Prompt = Activity.CreateMessageActivity("May we store this?"), Style = ListStyle.None }, ct);
            },
            async (step, ct) =>
            {
                var consent = (bool)step.Result! ? "yes" : "no";
                await step.Context.SendActivityAsync($"{step.Values["name"]}, {step.Values["age"]}, {step.Values["time"]}, consent {consent}.", cancellationToken: ct);
                return await step.EndDialogAsync(step.Values["name"], ct);
            },
        ]));
        component.AddDialog(new TextPrompt("name"));
        component.AddDialog(new NumberPrompt<int>("age", ageValidator));
        component.AddDialog(new ChoicePrompt("time"));
        component.AddDialog(new ConfirmPrompt("consent"));
        return component;
    }
}
