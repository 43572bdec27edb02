"""Permission policies shared by the apps' admin screens."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records that only the site's own services write (access records, certificates, AI requests,
    reviews): the admin may list and inspect them, and do only the `writable` actions (say "change"
    to hide a review), each still needing its usual permission."""

    def __init__(self, model, *, may_view=lambda user: False, writable=()):
        super().__init__(model)
        self.may_view = may_view
        self.writable = set(writable)

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return action in self.writable and super().user_has_permission(user, action)
        return self.may_view(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
