"""“Draft with AI” in the lesson editor's action menu: a submit button, so the editor's changes are saved
first and the draft is made from them (authoring.wagtail_hooks handles it after the save)."""

from wagtail.admin.action_menu import ActionMenuItem

from learning_site import ai

ACTION_NAME = "action-ai-draft"


class DraftWithAIMenuItem(ActionMenuItem):
    label = "Draft with AI"
    name = ACTION_NAME
    icon_name = "wand-magic-sparkles"
    order = 60

    def is_shown(self, context):
        from courses.models import LessonPage

        page = context.get("page")
        return (
            context["view"] == "edit"
            and isinstance(page, LessonPage)
            and not context["locked_for_user"]
            and self.get_user_page_permissions_tester(context).can_edit()
            and ai.is_configured()
        )
