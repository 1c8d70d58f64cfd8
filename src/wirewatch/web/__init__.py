"""wirewatch.web"""
