"""Commands of this group are added by the owner of this module."""
