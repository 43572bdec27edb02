"""Permission policies shared by the apps' admin screens."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records that only the site's own services write (access records, certificates, AI requests):
    the admin may list and inspect them, never add, edit or delete them."""

    def __init__(self, model, *, may_view):
        super().__init__(model)
        self.may_view = may_view

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return self.may_view(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
