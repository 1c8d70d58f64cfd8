"""wirewatch.analyze"""
